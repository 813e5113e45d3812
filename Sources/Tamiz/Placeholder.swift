public enum _PlaceholderTamiz {}

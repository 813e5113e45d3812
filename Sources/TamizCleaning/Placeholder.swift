public enum _PlaceholderTamizCleaning {}

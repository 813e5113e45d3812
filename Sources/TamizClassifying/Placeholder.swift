public enum _PlaceholderTamizClassifying {}

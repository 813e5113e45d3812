public enum _PlaceholderTamizSegmenting {}

// `import Tamiz` gives the whole engine: segmenting, classifying, cleaning and the streaming filter.
@_exported import TamizClassifying
@_exported import TamizCleaning
@_exported import TamizSegmenting

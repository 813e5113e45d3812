// `import Tamiz` gives the whole engine: segmenting, classifying, cleaning, containers and the streaming filter.
@_exported import TamizClassifying
@_exported import TamizCleaning
@_exported import TamizSegmenting
@_exported import TamizContainers

import FuzzDriver
@_spi(Fuzzing) import TrellisBuild

// libFuzzer runs each input through `FuzzTarget.markdown`.
runFuzzer { FuzzTarget.markdown.run($0) }

import FuzzDriver
@_spi(Fuzzing) import TrellisBuild

// libFuzzer runs each input through `FuzzTarget.macros`.
runFuzzer { FuzzTarget.macros.run($0) }

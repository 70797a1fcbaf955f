import FuzzDriver
@_spi(Fuzzing) import TrellisBuild

// libFuzzer runs each input through `FuzzTarget.htmlAttributes`.
runFuzzer { FuzzTarget.htmlAttributes.run($0) }

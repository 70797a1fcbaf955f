import FuzzDriver
@_spi(Fuzzing) import TrellisBuild

// libFuzzer runs each input through `FuzzTarget.yaml`.
runFuzzer { FuzzTarget.yaml.run($0) }

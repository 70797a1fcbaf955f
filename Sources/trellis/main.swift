import TrellisCLI

TrellisCommand.runAsMain()

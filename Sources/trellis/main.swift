import TrellisCLI

await TrellisCommand.runAsMain()

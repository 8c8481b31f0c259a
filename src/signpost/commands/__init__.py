"""One module per `signpost` sub-command: HELP, add_arguments(parser) and run(args)."""

from navplan.cli.app import run

run()

from navplan.cli.app import main

raise SystemExit(main())

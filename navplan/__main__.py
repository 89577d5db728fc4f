from navplan.cli import main

raise SystemExit(main())

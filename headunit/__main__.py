from headunit.cli import main

raise SystemExit(main())

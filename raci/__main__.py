from raci.cli import main

main()

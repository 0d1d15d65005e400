from storedesk.cli import main

main()

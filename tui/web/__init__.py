"""The web: fetching pages politely (``fetch``), robots.txt (``robots``) and
reading news feeds (``feeds``).  Not wired into the CLI yet; plain Python."""

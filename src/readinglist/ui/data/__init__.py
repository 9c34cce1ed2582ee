"""The library as the window uses it: reads on reader threads (the newest request per
channel wins), edits in order on a writer thread, and the service the panes call."""

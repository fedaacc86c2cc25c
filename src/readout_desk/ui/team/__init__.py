"""Team archives in the window: what happens when the server cannot be reached at start
(:mod:`.startup`)."""

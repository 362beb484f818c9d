"""Map domain without I/O: geography, OSM feature classes, coordinate blobs, routing maths."""

"""One module per wizard page; each page attaches to the flow step of the same name."""

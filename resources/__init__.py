"""Files shipped with the application, found through importlib.resources in every install."""

"""Files the program ships: the demo archive, icons, desktop entries."""

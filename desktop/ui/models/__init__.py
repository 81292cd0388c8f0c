"""Qt item models, one per table view, each over store functions."""

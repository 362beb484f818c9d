"""The map on screen: tile styles, the tile renderer, label placement and the QML image provider."""

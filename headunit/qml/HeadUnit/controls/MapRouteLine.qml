import QtQuick
import QtQuick.Shapes
import HeadUnit

// The route as a thick line with an outline, the same width on screen at any zoom.
// `points` are Qt.point()s in pixels at `pointsZoom`; the item is scaled to the
// map's zoom and the stroke widths are divided by that scale.
Shape {
    id: root

    property var points: []
    property real pointsZoom: 15
    property real mapZoom: 15
    property real lineWidth: Sizes.dp(12)
    property color lineColor: Theme.accent
    property color outlineColor: Qt.darker(Theme.accent, 1.8)

    readonly property real zoomScale: Math.pow(2, mapZoom - pointsZoom)

    preferredRendererType: Shape.GeometryRenderer
    transform: Scale { xScale: root.zoomScale; yScale: root.zoomScale }
    visible: points.length >= 2

    ShapePath {
        strokeColor: root.outlineColor
        strokeWidth: (root.lineWidth + Math.max(3, root.lineWidth / 3)) / root.zoomScale
        fillColor: "transparent"
        capStyle: ShapePath.RoundCap
        joinStyle: ShapePath.RoundJoin
        PathPolyline { path: root.points }
    }

    ShapePath {
        strokeColor: root.lineColor
        strokeWidth: root.lineWidth / root.zoomScale
        fillColor: "transparent"
        capStyle: ShapePath.RoundCap
        joinStyle: ShapePath.RoundJoin
        PathPolyline { path: root.points }
    }
}

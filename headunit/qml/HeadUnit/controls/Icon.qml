import QtQuick
import QtQuick.Shapes
import HeadUnit

// A themable vector icon from Icons, scaled to the item's size.
Item {
    id: root

    property string name
    property color color: Theme.text

    implicitWidth: Sizes.icon
    implicitHeight: Sizes.icon

    Shape {
        anchors.centerIn: parent
        width: 24
        height: 24
        scale: Math.min(root.width, root.height) / 24
        preferredRendererType: Shape.CurveRenderer

        ShapePath {
            strokeWidth: -1
            strokeColor: "transparent"
            fillColor: root.color
            fillRule: ShapePath.OddEvenFill

            PathSvg {
                path: root.name.length > 0 ? Icons.path(root.name) : ""
            }
        }
    }
}

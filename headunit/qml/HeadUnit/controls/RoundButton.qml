import QtQuick
import HeadUnit

// A round icon button with a touch target of at least Sizes.touchTarget.
Item {
    id: root

    property string iconName
    property string accessibleName
    property color iconColor: Theme.text

    signal clicked()

    implicitWidth: Sizes.touchTarget
    implicitHeight: Sizes.touchTarget

    Accessible.role: Accessible.Button
    Accessible.name: root.accessibleName
    Accessible.onPressAction: root.clicked()

    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: tap.pressed ? Theme.surfacePressed : Theme.surfaceRaised
        border.color: Theme.divider
        border.width: 1
    }

    Icon {
        anchors.centerIn: parent
        width: parent.width * 0.55
        height: width
        name: root.iconName
        color: root.iconColor
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds  // exclusive: a map underneath never sees the tap
        onTapped: root.clicked()
    }
}

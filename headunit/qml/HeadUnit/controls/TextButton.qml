import QtQuick
import HeadUnit

// A labelled button with a touch target of at least Sizes.touchTarget.
Item {
    id: root

    property string text
    property bool accent: false

    signal clicked()

    implicitWidth: Math.max(Sizes.touchTarget * 2, label.implicitWidth + 2 * Sizes.margin)
    implicitHeight: Sizes.touchTarget
    opacity: root.enabled ? 1 : 0.4

    Accessible.role: Accessible.Button
    Accessible.name: root.text
    Accessible.onPressAction: if (root.enabled) root.clicked()

    Rectangle {
        anchors.fill: parent
        radius: height / 2
        color: tap.pressed ? Theme.surfacePressed : (root.accent ? Theme.accent : Theme.surfaceRaised)
        border.color: root.accent ? Theme.accent : Theme.divider
        border.width: 1
    }

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.width - Sizes.spacing)
        text: root.text
        color: root.accent && !tap.pressed ? Theme.accentText : Theme.text
        font.pixelSize: Sizes.fontBody
        font.bold: true
        elide: Text.ElideRight
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds  // exclusive: a map underneath never sees the tap
        enabled: root.enabled
        onTapped: root.clicked()
    }
}

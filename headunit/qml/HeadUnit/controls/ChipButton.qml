import QtQuick
import HeadUnit

// A button with an icon and a short label, for quick choices (nearest parking, ...).
Item {
    id: root

    property string iconName
    property string text
    property bool checked: false
    property bool showText: true
    // the label fits beside the icon at this width (a row of chips shows labels only if all fit)
    readonly property bool textFits: width >= label.implicitWidth + icon.width + content.spacing + 2 * Sizes.spacing

    signal clicked()

    implicitWidth: content.implicitWidth + 2 * Sizes.spacing
    implicitHeight: Sizes.touchTarget

    Accessible.role: Accessible.Button
    Accessible.name: root.text
    Accessible.onPressAction: root.clicked()

    Rectangle {
        anchors.fill: parent
        radius: height / 2
        color: tap.pressed ? Theme.surfacePressed : (root.checked ? Theme.accentSoft : Theme.surfaceRaised)
        border.color: root.checked ? Theme.accent : Theme.divider
        border.width: 1
    }
    Row {
        id: content
        anchors.centerIn: parent
        spacing: Sizes.spacing / 2
        Icon {
            id: icon
            anchors.verticalCenter: parent.verticalCenter
            width: Sizes.iconSmall
            height: width
            name: root.iconName
            color: root.checked ? Theme.accent : Theme.text
        }
        Text {
            id: label
            anchors.verticalCenter: parent.verticalCenter
            // narrow screens: the icon alone, rather than a cut word
            visible: root.showText && root.textFits
            width: Math.min(implicitWidth, root.width - 2 * Sizes.spacing - icon.width - content.spacing)
            text: root.text
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            font.bold: root.checked
            elide: Text.ElideRight
        }
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds  // exclusive: a map underneath never sees the tap
        onTapped: root.clicked()
    }
}

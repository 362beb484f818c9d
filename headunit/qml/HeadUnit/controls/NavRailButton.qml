import QtQuick
import HeadUnit

// One entry of the navigation rail: icon over label, highlighted when checked.
Item {
    id: root

    property string iconName
    property string text
    property bool checked: false

    signal clicked()

    implicitWidth: Sizes.railWidth
    implicitHeight: Math.max(Sizes.touchTarget, Sizes.dp(104))

    Accessible.role: Accessible.Button
    Accessible.name: root.text
    Accessible.checkable: true
    Accessible.checked: root.checked
    Accessible.onPressAction: root.clicked()

    Rectangle {
        anchors.fill: parent
        anchors.margins: Sizes.dp(8)
        radius: Sizes.radius
        color: tap.pressed ? Theme.surfacePressed : (root.checked ? Theme.accentSoft : "transparent")
    }

    Rectangle {
        visible: root.checked
        width: Math.max(3, Sizes.dp(5))
        height: parent.height * 0.5
        radius: width / 2
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        color: Theme.accent
    }

    Column {
        anchors.centerIn: parent
        spacing: Sizes.dp(4)

        Icon {
            anchors.horizontalCenter: parent.horizontalCenter
            name: root.iconName
            width: Sizes.icon
            height: Sizes.icon
            color: root.checked ? Theme.accent : Theme.textMuted
        }

        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            width: root.width - 2 * Sizes.dp(10)
            horizontalAlignment: Text.AlignHCenter
            text: root.text
            color: root.checked ? Theme.accent : Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            font.bold: root.checked
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 10
            elide: Text.ElideRight
        }
    }

    TapHandler {
        id: tap
        onTapped: root.clicked()
    }
}

import QtQuick
import HeadUnit

// A value with a minus and a plus button on either side.
Item {
    id: root

    property string label
    property string valueText
    property bool minusEnabled: true
    property bool plusEnabled: true

    signal decreased()
    signal increased()

    implicitWidth: Sizes.touchTarget * 2 + Sizes.dp(150)
    implicitHeight: Sizes.touchTarget + caption.implicitHeight

    Text {
        id: caption
        anchors.horizontalCenter: parent.horizontalCenter
        text: root.label
        color: Theme.textMuted
        font.pixelSize: Sizes.fontCaption
    }

    RoundButton {
        objectName: root.objectName + "Minus"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        iconName: "minus"
        accessibleName: qsTr("Decrease %1").arg(root.label)
        opacity: root.minusEnabled ? 1 : 0.4
        onClicked: if (root.minusEnabled) root.decreased()
    }

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.verticalCenter: parent.bottom
        anchors.verticalCenterOffset: -Sizes.touchTarget / 2
        text: root.valueText
        color: Theme.text
        font.pixelSize: Sizes.fontTitle
        font.bold: true
        Accessible.role: Accessible.StaticText
        Accessible.name: root.label + " " + root.valueText
    }

    RoundButton {
        objectName: root.objectName + "Plus"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        iconName: "plus"
        accessibleName: qsTr("Increase %1").arg(root.label)
        opacity: root.plusEnabled ? 1 : 0.4
        onClicked: if (root.plusEnabled) root.increased()
    }
}

import QtQuick
import HeadUnit

// A banner for a problem the driver should know about; hidden when empty.
Rectangle {
    id: root

    property string text

    signal dismissed()

    visible: root.text.length > 0
    implicitHeight: visible ? Math.max(Sizes.touchTarget + Sizes.dp(16), label.implicitHeight + 2 * Sizes.spacing) : 0
    color: Theme.surfaceRaised
    border.color: Theme.warning
    border.width: 2
    radius: Sizes.radius
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.text

    Icon {
        id: alertIcon
        anchors.left: parent.left
        anchors.leftMargin: Sizes.spacing
        anchors.verticalCenter: parent.verticalCenter
        name: "alert"
        width: Sizes.iconSmall
        height: Sizes.iconSmall
        color: Theme.warning
    }

    Text {
        id: label
        anchors.left: alertIcon.right
        anchors.right: closeButton.left
        anchors.margins: Sizes.spacing
        anchors.verticalCenter: parent.verticalCenter
        text: root.text
        color: Theme.text
        font.pixelSize: Sizes.fontBody
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
    }

    RoundButton {
        id: closeButton
        objectName: "noticeDismiss"
        anchors.right: parent.right
        anchors.rightMargin: Sizes.dp(6)
        anchors.verticalCenter: parent.verticalCenter
        iconName: "close"
        accessibleName: qsTr("Dismiss")
        onClicked: root.dismissed()
    }
}

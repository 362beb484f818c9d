import QtQuick
import HeadUnit

// Vehicle warnings, most severe first. `warnings` is a model with the roles
// severity (info | warning | critical) and message.
Rectangle {
    id: root

    property var warnings
    property int maximumItems: -1   // from the driving restrictions; -1 = no limit

    color: Theme.surface
    radius: Sizes.radius
    border.color: Theme.divider
    border.width: 1

    Text {
        id: heading
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        text: qsTr("Warnings")
        color: Theme.textMuted
        font.pixelSize: Sizes.fontCaption
    }

    Text {
        objectName: "noWarnings"
        visible: list.count === 0
        anchors.centerIn: parent
        text: qsTr("No warnings")
        color: Theme.good
        font.pixelSize: Sizes.fontBody
        font.bold: true
    }

    ListView {
        id: list
        objectName: "warningsList"
        anchors.top: heading.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        anchors.topMargin: Sizes.spacing
        clip: true
        spacing: Sizes.spacing
        model: root.warnings
        interactive: contentHeight > height

        delegate: Row {
            required property string severity
            required property string message
            required property int index

            visible: root.maximumItems < 0 || index < root.maximumItems
            height: visible ? implicitHeight : 0
            width: ListView.view.width
            spacing: Sizes.spacing

            Icon {
                name: "alert"
                width: Sizes.iconSmall
                height: Sizes.iconSmall
                color: severity === "critical" ? Theme.critical : severity === "warning" ? Theme.warning : Theme.textMuted
            }
            Text {
                width: parent.width - Sizes.iconSmall - Sizes.spacing
                text: message
                color: Theme.text
                font.pixelSize: Sizes.fontBody
                font.bold: severity === "critical"
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: message
            }
        }
    }
}

import QtQuick
import HeadUnit

// TuneCloud (demo partner app): the backend's radio stations through host.radio
// (granted by "network" + "media.audio"); a message when the host offers no radio.
// The host's radio already cuts its lists to the driving restrictions.
Item {
    id: root

    property QtObject host

    readonly property QtObject radio: root.host ? root.host.radio : null

    onRadioChanged: if (root.radio) root.radio.showSection("stations")
    Component.onCompleted: if (root.radio) root.radio.showSection("stations")

    Text {
        id: heading
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Sizes.margin }
        text: qsTr("TuneCloud stations")
        color: Theme.text
        font.pixelSize: Sizes.fontTitle
        font.bold: true
        elide: Text.ElideRight
    }

    Text {
        id: message
        anchors { left: parent.left; right: parent.right; top: heading.bottom; leftMargin: Sizes.margin
                  rightMargin: Sizes.margin }
        visible: text.length > 0
        height: visible ? implicitHeight : 0
        text: root.radio ? root.radio.message : ""
        color: Theme.textMuted
        font.pixelSize: Sizes.fontBody
        wrapMode: Text.Wrap
    }

    ListView {
        id: stations
        objectName: "tuneCloudStations"
        anchors { left: parent.left; right: parent.right; top: message.bottom; bottom: parent.bottom
                  margins: Sizes.margin }
        visible: root.radio !== null
        clip: true
        spacing: Sizes.spacing
        model: root.radio ? root.radio.items : null

        delegate: Rectangle {
            id: row

            required property int index
            required property string title
            required property string subtitle

            width: ListView.view.width
            height: Sizes.touchTarget
            radius: Sizes.radius
            color: tap.pressed ? Theme.surfacePressed : Theme.surface
            Accessible.role: Accessible.Button
            Accessible.name: row.title

            Column {
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          leftMargin: Sizes.margin; rightMargin: Sizes.margin }

                Text {
                    width: parent.width
                    text: row.title
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    elide: Text.ElideRight
                }

                Text {
                    width: parent.width
                    visible: text.length > 0
                    text: row.subtitle
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                    elide: Text.ElideRight
                }
            }

            TapHandler {
                id: tap
                onTapped: root.radio.play(row.index)
            }
        }
    }

    EmptyState {
        objectName: "tuneCloudNoRadio"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom }
        visible: root.radio === null
        iconName: "media"
        title: qsTr("No radio here")
        message: qsTr("This head unit does not offer radio stations to apps.")
    }
}

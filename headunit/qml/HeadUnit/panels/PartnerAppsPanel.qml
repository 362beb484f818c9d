pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// "Get more apps": the partner apps on offer, each with Install or Remove, what is under
// way, and why the last attempt failed. `model` has the roles appId, name, summary,
// installed, installing, removing, error; `message` says why the list is empty or old
// (offline, loading); `canRetry` offers to load it again; `maximumItems` is the driving restrictions' list limit (-1: none).
Item {
    id: root

    property var model
    property string message
    property bool canRetry: false
    property int maximumItems: -1

    signal installRequested(string appId)
    signal removeRequested(string appId)
    signal retryRequested()

    Column {
        id: notice
        objectName: "catalogueNotice"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Sizes.spacing
        visible: root.message !== ""

        Text {
            objectName: "catalogueMessage"
            width: parent.width
            text: root.message
            color: Theme.textMuted
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
        }

        TextButton {
            objectName: "catalogueRetry"
            visible: root.canRetry
            text: qsTr("Try again")
            onClicked: root.retryRequested()
        }
    }

    ListView {
        id: list
        objectName: "catalogueList"
        anchors.top: notice.visible ? notice.bottom : parent.top
        anchors.topMargin: notice.visible ? Sizes.margin : 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        clip: true
        spacing: Sizes.spacing
        boundsBehavior: Flickable.StopAtBounds
        model: root.model

        delegate: Rectangle {
            id: row

            required property int index
            required property string appId
            required property string name
            required property string summary
            required property bool installed
            required property bool installing
            required property bool removing
            required property string error

            objectName: "partnerApp_" + row.appId
            visible: root.maximumItems < 0 || row.index < root.maximumItems
            width: ListView.view.width
            height: visible ? Math.max(Sizes.touchTarget, texts.implicitHeight) + 2 * Sizes.spacing : 0
            radius: Sizes.radius
            color: Theme.surface
            border.color: Theme.divider
            border.width: 1

            Column {
                id: texts
                anchors.left: parent.left
                anchors.right: action.left
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: Sizes.margin
                anchors.rightMargin: Sizes.spacing
                spacing: Sizes.dp(4)

                Text {
                    width: parent.width
                    text: row.name
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    font.bold: true
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    visible: text !== ""
                    text: row.summary
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "partnerAppError_" + row.appId
                    width: parent.width
                    visible: text !== ""
                    text: row.error
                    color: Theme.critical
                    font.pixelSize: Sizes.fontCaption
                    font.bold: true
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
            }

            Text {
                objectName: "partnerAppBusy_" + row.appId
                anchors.centerIn: action
                visible: row.installing || row.removing
                text: row.installing ? qsTr("Installing…") : qsTr("Removing…")
                color: Theme.textMuted
                font.pixelSize: Sizes.fontBody
            }

            TextButton {
                id: action
                objectName: "partnerAppAction_" + row.appId
                anchors.right: parent.right
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                width: Math.max(implicitWidth, Sizes.dp(170))
                opacity: row.installing || row.removing ? 0 : 1
                enabled: !row.installing && !row.removing
                accent: !row.installed
                text: row.installed ? qsTr("Remove") : qsTr("Install")
                Accessible.name: (row.installed ? qsTr("Remove %1") : qsTr("Install %1")).arg(row.name)
                onClicked: row.installed ? root.removeRequested(row.appId) : root.installRequested(row.appId)
            }
        }
    }
}

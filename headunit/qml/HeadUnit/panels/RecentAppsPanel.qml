pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The apps used last, most recent first, in one row for Home. `model` has the roles
// appId, name, iconUrl, usableWhileMoving; tapping one asks to launch it.
Item {
    id: root

    property var model
    property bool moving: false
    readonly property int count: icons.count

    signal launchRequested(string appId)

    implicitHeight: heading.height + Sizes.dp(8) + Sizes.touchTarget * 1.5 + Sizes.fontCaption * 1.5

    Text {
        id: heading
        anchors.left: parent.left
        anchors.top: parent.top
        text: qsTr("Recently used")
        color: Theme.textMuted
        font.pixelSize: Sizes.fontCaption
    }

    ListView {
        id: icons
        objectName: "recentApps"
        anchors.top: heading.bottom
        anchors.topMargin: Sizes.dp(8)
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        orientation: ListView.Horizontal
        spacing: Sizes.spacing
        clip: true
        interactive: contentWidth > width
        boundsBehavior: Flickable.StopAtBounds
        model: root.model

        delegate: AppIcon {
            required property string appId
            required name
            required iconUrl
            required property bool usableWhileMoving

            objectName: "recentApp_" + appId
            width: Math.max(Sizes.touchTarget * 1.6, height * 1.1)
            height: ListView.view.height
            dimmed: root.moving && !usableWhileMoving
            onClicked: root.launchRequested(appId)
        }
    }
}

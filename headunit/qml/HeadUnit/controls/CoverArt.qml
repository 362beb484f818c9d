import QtQuick
import HeadUnit

// A square cover image (a song's or an album's), or the note icon when there is none
// or it cannot be loaded. `ready` says the image itself is showing.
Rectangle {
    id: root

    property string source
    readonly property bool ready: image.status === Image.Ready

    implicitWidth: Sizes.touchTarget
    implicitHeight: Sizes.touchTarget
    width: implicitWidth
    height: width
    radius: Sizes.radius / 3
    color: Theme.accentSoft
    clip: true

    Icon {
        anchors.centerIn: parent
        visible: !root.ready
        width: parent.width * 0.55
        height: width
        name: "media"
        color: Theme.accent
    }

    Image {
        id: image
        anchors.fill: parent
        visible: root.source.length > 0
        source: root.source
        asynchronous: true
        fillMode: Image.PreserveAspectCrop
        sourceSize.width: width
        sourceSize.height: height
    }
}

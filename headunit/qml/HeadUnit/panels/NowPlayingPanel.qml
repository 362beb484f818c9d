import QtQuick
import HeadUnit

// Now playing, in the status bar's height: the cover, title and artist (a tap opens the
// player) and play/pause and next. Narrow slots drop the cover, then the artist line.
Item {
    id: root

    property string title
    property string artist
    property string coverUrl
    property bool playing: false
    property bool loading: false
    property bool hasTrack: false
    property bool canNext: false

    signal togglePlayRequested()
    signal nextRequested()
    signal openRequested()

    readonly property real buttonSize: Math.max(40, Math.min(Sizes.touchTarget, root.height - Sizes.dp(8)))
    readonly property bool showCover: pill.width >= 3 * root.buttonSize + Sizes.dp(220)
    readonly property bool showArtist: root.artist.length > 0 && pill.width >= 2 * root.buttonSize + Sizes.dp(200)

    implicitWidth: Sizes.dp(520)
    implicitHeight: Sizes.statusBarHeight

    Rectangle {
        id: pill
        anchors.centerIn: parent
        width: Math.min(root.width, Math.max(root.implicitWidth, Sizes.dp(640)))
        height: root.buttonSize
        radius: Sizes.radius
        color: Theme.surfaceRaised
        border.color: Theme.divider
        border.width: 1

        Item {
            id: openArea
            objectName: "nowPlayingOpen"
            anchors.left: parent.left
            anchors.right: buttons.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            Accessible.role: Accessible.Button
            Accessible.name: root.hasTrack ? qsTr("Now playing: %1. Open the player").arg(root.title)
                                           : qsTr("Open the player")
            Accessible.onPressAction: root.openRequested()

            CoverArt {
                id: cover
                objectName: "nowPlayingCover"
                visible: root.showCover
                anchors.left: parent.left
                anchors.leftMargin: Sizes.dp(6)
                anchors.verticalCenter: parent.verticalCenter
                width: parent.height - Sizes.dp(12)
                radius: Sizes.radius / 2
                source: root.coverUrl
            }

            Column {
                anchors.left: root.showCover ? cover.right : parent.left
                anchors.leftMargin: Sizes.spacing
                anchors.right: parent.right
                anchors.rightMargin: Sizes.spacing / 2
                anchors.verticalCenter: parent.verticalCenter

                Text {
                    objectName: "nowPlayingTitle"
                    width: parent.width
                    text: root.hasTrack ? root.title : qsTr("Nothing playing")
                    color: root.hasTrack ? Theme.text : Theme.textMuted
                    font.pixelSize: Sizes.fontBody
                    font.bold: root.hasTrack
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "nowPlayingArtist"
                    visible: root.showArtist || root.loading
                    width: parent.width
                    text: root.loading ? qsTr("Connecting…") : root.artist
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                    elide: Text.ElideRight
                }
            }

            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: root.openRequested()
            }
        }

        Row {
            id: buttons
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter

            MediaButton {
                objectName: "nowPlayingNext"
                width: root.buttonSize
                height: width
                glyph: "next"
                flat: true
                enabled: root.canNext
                accessibleName: qsTr("Next track")
                onClicked: root.nextRequested()
            }
            MediaButton {
                objectName: "nowPlayingToggle"
                width: root.buttonSize
                height: width
                glyph: root.playing || root.loading ? "pause" : "play"
                primary: true
                enabled: root.hasTrack
                accessibleName: root.playing || root.loading ? qsTr("Pause") : qsTr("Play")
                onClicked: root.togglePlayRequested()
            }
        }
    }
}

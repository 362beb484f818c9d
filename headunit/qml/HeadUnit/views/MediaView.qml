import QtQuick
import HeadUnit

// The media area. Until media sources exist it shows its empty state.
Item {
    id: root

    EmptyState {
        anchors.fill: parent
        iconName: "media"
        title: qsTr("No media sources yet")
        message: qsTr("Music, radio, podcasts and video appear here once media sources are set up.")
    }
}

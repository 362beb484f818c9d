import QtQuick

// Loads an area's view the first time it is shown (asynchronously, so the
// first frame never waits for it) and keeps it, hidden, once loaded.
Loader {
    id: root

    property bool current: false
    property bool available: true   // false until what the view needs exists
    property bool shownOnce: false
    // Loaded, and the view has nothing left to show (a view may say so with `settled`).
    readonly property bool ready: status === Loader.Ready && (item.settled === undefined || item.settled)

    onCurrentChanged: if (current) shownOnce = true
    Component.onCompleted: if (current) shownOnce = true

    active: available && (current || shownOnce)
    visible: current
    asynchronous: true
}

import QtQuick
import QtQuick.Controls

// The start-up floor: a bare Qt Quick window, as small as a QML app gets.
Window {
    width: 1280
    height: 720
    visible: true
    color: "#E9EDF1"

    Rectangle {
        x: 40; y: 40; width: 400; height: 200
        color: "#0A63C9"
    }
    Text {
        x: 40; y: 260
        text: "Floor"
        font.pixelSize: 32
    }
    Button {
        x: 40; y: 320
        text: "Button"
    }
}

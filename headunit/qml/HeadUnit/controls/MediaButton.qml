import QtQuick
import QtQuick.Shapes
import HeadUnit

// A round transport button of the player: play, pause, next, previous, shuffle, repeat,
// repeat_one (glyphs drawn on a 24x24 grid, odd-even fill). `primary` fills it with the
// accent (the play button); `checked` marks a mode that is on (shuffle, repeat).
Item {
    id: root

    property string glyph
    property string accessibleName
    property bool primary: false
    property bool checked: false
    property bool flat: false   // no disc, the glyph alone (the now-playing bar)

    signal clicked()

    readonly property var glyphs: ({
        "play": "M8 4.5 V19.5 L20 12 Z",
        "pause": "M6 4.5 H10.2 V19.5 H6 Z M13.8 4.5 H18 V19.5 H13.8 Z",
        "next": "M4.5 5 V19 L14.5 12 Z M15.5 5 H19 V19 H15.5 Z",
        "previous": "M19.5 5 V19 L9.5 12 Z M5 5 H8.5 V19 H5 Z",
        "shuffle": "M3 6 H7.5 L15 16 H18 V13.5 L22 17 L18 20.5 V18 H14 L6.5 8 H3 Z M3 16 H6.5 L8.9 12.8 L9.9 14.8 L7.5 18 H3 Z M11.4 9.5 L14 6 H18 V3.5 L22 7 L18 10.5 V8 H15 L12.4 11.5 Z",
        "repeat": "M5 13 V7 H17 V4 L21 8 L17 12 V9 H7 V13 Z M19 11 V17 H7 V20 L3 16 L7 12 V15 H17 V11 Z",
        "repeat_one": "M5 13 V7 H17 V4 L21 8 L17 12 V9 H7 V13 Z M19 11 V17 H7 V20 L3 16 L7 12 V15 H17 V11 Z M11.2 9.8 H12.8 V14 H11.2 Z M9.6 11.2 L11.2 9.8 V11.6 L9.6 12.4 Z"
    })

    implicitWidth: Sizes.touchTarget
    implicitHeight: Sizes.touchTarget
    opacity: root.enabled ? 1 : 0.35

    Accessible.role: root.glyph === "shuffle" || root.glyph.startsWith("repeat") ? Accessible.CheckBox : Accessible.Button
    Accessible.checkable: Accessible.role === Accessible.CheckBox
    Accessible.checked: root.checked
    Accessible.name: root.accessibleName
    Accessible.onPressAction: if (root.enabled) root.clicked()

    Rectangle {
        anchors.fill: parent
        visible: !root.flat || tap.pressed
        radius: width / 2
        color: tap.pressed ? Theme.surfacePressed
             : root.primary ? Theme.accent : (root.checked ? Theme.accentSoft : Theme.surfaceRaised)
        border.color: root.primary || root.checked ? Theme.accent : Theme.divider
        border.width: root.flat ? 0 : 1
    }

    Shape {
        anchors.centerIn: parent
        width: 24
        height: 24
        scale: Math.min(root.width, root.height) * (root.primary ? 0.5 : 0.55) / 24
        preferredRendererType: Shape.CurveRenderer

        ShapePath {
            strokeWidth: -1
            strokeColor: "transparent"
            fillColor: root.primary && !tap.pressed ? Theme.accentText
                     : root.checked ? Theme.accent : Theme.text
            fillRule: ShapePath.OddEvenFill

            PathSvg { path: root.glyphs[root.glyph] || "" }
        }
    }

    TapHandler {
        id: tap
        enabled: root.enabled
        gesturePolicy: TapHandler.ReleaseWithinBounds  // exclusive: nothing underneath sees the tap
        onTapped: root.clicked()
    }
}

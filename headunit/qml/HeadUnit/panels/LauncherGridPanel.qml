import QtQuick

// Placeholder until written.
Item {
    id: root
}

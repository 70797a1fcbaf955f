extension Int {
    /// The number with a leading zero below 10 ("07"), as days and clock times are written.
    var twoDigits: String { self < 10 ? "0\(self)" : "\(self)" }
}

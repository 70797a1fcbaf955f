/// A value a config writes as one string (`"1.27.8"`, `">= 1.26"`, `"2027-03-01"`): decoded by
/// parsing that string, encoded as its description.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses the string a config holds; nil when it is not one.
    init?(decodedText: String)
    /// What the string should look like, for the error message ("a version such as 1.27.8").
    static var textExample: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(decodedText: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not \(Self.textExample)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

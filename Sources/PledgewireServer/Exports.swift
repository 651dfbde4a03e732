// Services built on the server use the message types of Protos/ without a second import.
@_exported import PledgewireWire

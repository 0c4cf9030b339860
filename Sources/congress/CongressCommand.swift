import CongressApp
@main struct Main { static func main() {} }

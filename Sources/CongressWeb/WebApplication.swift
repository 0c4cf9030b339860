import CongressCore
import CongressStore
import Hummingbird
import Logging

/// Builds the web application: the route table, its middleware and the one guard every route
/// goes through.
public enum WebApplication {
    /// Every route of the application, pages and API, each with who may call it.
    static func routes(_ dependencies: WebDependencies, _ pages: PageRenderer, decoyHash: String) -> [WebRoute] {
        SignInController(dependencies: dependencies, pages: pages, decoyHash: decoyHash).routes
            + UnitController(dependencies: dependencies, pages: pages).routes
            + MemberController(dependencies: dependencies, pages: pages).routes
            + AdminController(dependencies: dependencies, pages: pages).routes
            + CongressController(dependencies: dependencies, pages: pages).routes
            + RoundController(dependencies: dependencies, pages: pages).routes
            + EntryController(dependencies: dependencies, pages: pages).routes
            + ProjectorController(dependencies: dependencies, pages: pages).routes
            + OverviewController(dependencies: dependencies, pages: pages).routes
            + RollController(dependencies: dependencies, pages: pages).routes
            + WorkingBodiesController(dependencies: dependencies, pages: pages).routes
            + PersonnelController(dependencies: dependencies, pages: pages).routes
            + StatisticsController(dependencies: dependencies, pages: pages).routes
            + ReconcileController(dependencies: dependencies, pages: pages).routes
            + RoundProgressController(dependencies: dependencies, pages: pages).routes
            + APIController(dependencies: dependencies).routes
            + AssetController().routes
    }

    /// The method and path of every route with its access rule, for the access-table tests.
    public static func routeTable(_ dependencies: WebDependencies) throws -> [(method: HTTPRequest.Method, path: String, access: RouteAccess)] {
        routes(dependencies, try PageRenderer(), decoyHash: "").map { ($0.method, $0.path, $0.access) }
    }

    /// The router with every route behind the guard.
    public static func router(_ dependencies: WebDependencies) async throws -> Router<AppRequestContext> {
        let pages = try PageRenderer()
        let decoyHash = await dependencies.passwords.hash(SessionTokens.random())
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(dependencies: dependencies))
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        let guardian = RouteGuard(dependencies: dependencies)
        for route in routes(dependencies, pages, decoyHash: decoyHash) {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                let authorised = try await guardian.authorise(route, request, context)
                return try await route.handler(request, context, authorised)
            }
        }
        return router
    }

    /// The application on `host:port`.
    public static func application(_ dependencies: WebDependencies, host: String, port: Int,
                                   logger: Logger) async throws -> some ApplicationProtocol {
        Application(router: try await router(dependencies),
                    configuration: .init(address: .hostname(host, port: port), serverName: "Congress"),
                    logger: logger)
    }
}

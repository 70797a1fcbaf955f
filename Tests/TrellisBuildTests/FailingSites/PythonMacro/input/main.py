def define_env(env):
    @env.macro
    def price(plan):
        return "$5"

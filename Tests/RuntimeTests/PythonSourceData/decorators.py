import functools
from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
def health():
    import json
    return json.dumps({})


@functools.lru_cache(
    maxsize=__import__("math").floor(3.5),
)
def cached():
    pass


@(lambda f: f)
@app.post(
    "/items",
    response_model=None)
async def create():
    import lazy_in_async
    return None


@dataclass
class Model:
    import cls_body_import
    field: int = 0

    @property
    def prop(self):
        from deep.inner import thing
        return thing

    class Inner:
        import inner_class_body


async def runner():
    async with ctx() as c:
        import in_async_with
    async for item in aiter():
        import in_async_for
